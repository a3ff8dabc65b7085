recommend --task astrology --limit 3
