"""Pure figure builders: frames in, Plotly figures (plain dicts) out. No I/O, no queries.

``map`` draws the choropleth and its recolour patch, ``charts`` the trend, breakdown, ranking,
comparison and real-data charts, ``cards`` the key-figure sentences. ``common`` holds the
shared palette, value formatting and the empty-state figure.
"""
