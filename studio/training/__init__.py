"""Datasets, the training engine, checkpoints, evaluation and prediction. Needs torch, never Qt."""
