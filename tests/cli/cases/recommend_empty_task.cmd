recommend --task ''
