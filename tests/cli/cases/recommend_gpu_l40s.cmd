recommend --context 32k --licence commercial --gpu l40s --limit 5
