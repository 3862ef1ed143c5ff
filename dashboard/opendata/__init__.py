"""Open data: the dataset catalogue of a release, its data package and the release diff."""
