"""The bundle's entry script: the same entry point as the installed ``privacy-walkthrough`` command."""

import sys

from privacy_walkthrough.app import main

sys.exit(main())
