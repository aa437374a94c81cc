"""Jibsa (집사): the operations platform of a Korean home-care company."""

__version__ = "0.1.0"
