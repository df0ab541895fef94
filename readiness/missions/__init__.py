"""Missions: their requirements, and the comparison of candidate units (the heatmap)."""
