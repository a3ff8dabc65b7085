recommend --scale zscore
