"""Trayectorias: reconstructed school cohorts (UNESCO method) and their flow chart.

Pure: numpy in, numpy/plotly out, no I/O. The query layer (``queries/grade_flows``) reads the
grade flows and calls ``cohort``; pages and the API read the query layer (decision 0012).
"""
