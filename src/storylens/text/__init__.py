"""Shared text tools, no stage logic: sentence splitting, words, stems, TF-IDF."""
