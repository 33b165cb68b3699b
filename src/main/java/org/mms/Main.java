package org.mms;

public final class Main {
    public static void main(String[] args) {
        System.out.println("mms");
    }
}
