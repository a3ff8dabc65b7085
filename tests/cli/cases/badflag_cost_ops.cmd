cost --ops-monthly -1
