recommend --task "$(printf 'code\033]0;pwned\007')" --language "$(printf 'chinese\342\200\256')"
