recommend --budget Low
