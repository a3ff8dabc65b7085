recommend --language "$(printf 'klingon\033[2J')" --budget low
