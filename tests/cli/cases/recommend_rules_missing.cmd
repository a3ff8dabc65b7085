recommend --rules does-not-exist.json
