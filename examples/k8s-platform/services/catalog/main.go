package main

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func healthz(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("ok"))
}

func main() {
	http.HandleFunc("/healthz", healthz)
	http.ListenAndServe(":8080", nil)
}
