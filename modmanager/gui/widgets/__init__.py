"""Reusable widgets; the operations panel lists the task runner's work and its outcomes."""
