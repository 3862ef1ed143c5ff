

def test_no_graph_offers_the_plotly_cloud_upload():
    """plotly.js 4's "Share chart..." button uploads the figure to a third party."""
    from dashboard.core.chart_style import BASE_CONFIG, CONFIG, MAP_CONFIG

    for config in (BASE_CONFIG, CONFIG, MAP_CONFIG):
        assert "sendChartToCloud" in config["modeBarButtonsToRemove"]
