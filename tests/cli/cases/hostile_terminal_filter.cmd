table --filter "$(printf 'mmlu>\033[2J')"
