"""The stream path: syndicated copies (dedup), article features, the incremental
clusterer, the store and the Spark job."""
