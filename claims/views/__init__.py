"""Views, one module per area of the app. Thin: parse, check permission, call the domain, render."""
