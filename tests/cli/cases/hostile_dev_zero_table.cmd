table /dev/zero
