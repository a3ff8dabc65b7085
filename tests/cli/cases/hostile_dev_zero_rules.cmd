recommend --rules /dev/zero
