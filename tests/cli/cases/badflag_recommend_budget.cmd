recommend --budget huge
