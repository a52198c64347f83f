"""Page bodies: one module per page, each with a `render()` the page file calls."""
