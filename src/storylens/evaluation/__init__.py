"""ROUGE evaluation of the summarizers beside the classic baselines."""
