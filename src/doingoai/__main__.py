"""``python -m doingoai``: the same command as the installed ``doingoai`` (for an environment whose scripts are not on
the path)."""

from doingoai.cli import main

if __name__ == "__main__":
    main()
