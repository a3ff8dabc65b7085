tabel
