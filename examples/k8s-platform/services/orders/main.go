package main

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

var db *sql.DB

// readyz answers 503 when the orders database cannot be reached.
func readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func main() {
	http.HandleFunc("/readyz", readyz)
	http.ListenAndServe(":8080", nil)
}
