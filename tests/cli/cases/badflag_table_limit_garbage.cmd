table --limit 12abc
