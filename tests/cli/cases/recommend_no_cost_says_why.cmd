recommend --context 1m --task code --language japanese --commercial --budget high --limit 3
