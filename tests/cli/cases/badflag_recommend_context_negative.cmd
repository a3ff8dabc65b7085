recommend --context -1
