recommend --context 1m --task code --commercial --budget high --limit 3
