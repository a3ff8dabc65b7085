chart --x params_b --y mmlu_pro
