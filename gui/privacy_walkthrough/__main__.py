"""``python -m privacy_walkthrough``."""

import sys

from privacy_walkthrough.app import main

sys.exit(main())
