cost --load /dev/zero
