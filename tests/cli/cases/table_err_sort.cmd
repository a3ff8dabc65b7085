table --sort nosuch:desc
