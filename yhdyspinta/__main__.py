import sys

from yhdyspinta.cli import main

sys.exit(main())
