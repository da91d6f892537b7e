"""`python -m ngokit`."""

from ngokit.cli import main

main()
