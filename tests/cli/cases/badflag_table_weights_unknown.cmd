table --weights nosuch=1
