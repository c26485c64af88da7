"""Habeas: reads reports about political prisoners and builds a sourced, reviewable record."""

__version__ = "0.1.0"
