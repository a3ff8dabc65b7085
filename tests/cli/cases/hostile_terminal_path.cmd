table --data "$(printf 'no\033[31msuch')"
