recommend --language ''
