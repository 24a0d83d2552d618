"""Rendering: the model as Markdown pages and Mermaid diagrams."""
