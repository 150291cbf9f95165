// Command stock serves the stock API; its readiness check pings the database.
package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"time"
)

type server struct{ db *sql.DB }

func (s *server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	if err := s.db.PingContext(ctx); err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func main() {
	db, err := sql.Open("postgres", "host=db.internal dbname=stock connect_timeout=5")
	if err != nil {
		log.Fatal(err)
	}
	s := &server{db: db}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ready", s.ready)
	log.Fatal(http.ListenAndServe(":8080", mux))
}
