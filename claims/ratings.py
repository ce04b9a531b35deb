"""The default rating scale, shared by the data migration and test flushes."""

DEFAULT_SCALE = [
    # (label, value, order, description)
    ("False", 1, 1, "The claim is not accurate."),
    (
        "Mostly false",
        2,
        2,
        "The claim has an element of truth but ignores facts that would give a different impression.",
    ),
    (
        "Half true",
        3,
        3,
        "The claim is partially accurate but leaves out important details or takes things out of context.",
    ),
    ("Mostly true", 4, 4, "The claim is accurate but needs clarification or additional information."),
    ("True", 5, 5, "The claim is accurate and nothing significant is missing."),
    ("Misleading", None, 6, "Accurate facts presented so as to give a false impression."),
    ("Unverifiable", None, 7, "The available evidence can neither confirm nor refute the claim."),
]


def ensure_default_scale(Rating) -> None:
    """Create any missing step of the default scale. Rating may be a historical model."""
    for label, value, order, description in DEFAULT_SCALE:
        Rating.objects.get_or_create(
            label=label, defaults={"value": value, "order": order, "description": description}
        )
