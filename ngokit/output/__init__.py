"""Where built kits go: folder names, what counts as a kit folder, PDF copies."""
