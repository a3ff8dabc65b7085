recommend --missing none
