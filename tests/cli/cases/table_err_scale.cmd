table --scale pct
