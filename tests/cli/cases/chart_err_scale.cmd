chart --scale zscore
