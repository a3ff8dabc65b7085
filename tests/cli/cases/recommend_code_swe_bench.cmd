recommend --task code --budget high --limit 8
