"""The only place Streamlit is imported: cached wrappers over the package and shared widgets."""
